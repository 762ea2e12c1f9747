using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// Fluent construction of one record from neutral inputs (the sync maps its plan items to these calls):
    /// <code>
    /// var record = ProvisioningLogRecord.For(cycle, ProvisioningAction.Create)
    ///     .Source(user.Id, user.DisplayName, "User", user.UserPrincipalName)
    ///     .Step(ProvisioningStepType.Import, "EntryImport", ProvisioningResult.Success, "Retrieved the user from Entra ID")
    ///     .Modified("Email", null, "ada@contoso.com")
    ///     .Target(sfUser.Id, sfUser.FullName, "User")
    ///     .Duration(elapsed)
    ///     .Build();
    /// </code>
    /// Status is success unless <see cref="Failed"/>, <see cref="Skipped"/> or <see cref="Warning"/> is called.
    /// </summary>
    public sealed class ProvisioningLogRecordBuilder
    {
        private readonly ProvisioningLogRecord _record;

        internal ProvisioningLogRecordBuilder(ProvisioningCycleContext cycle, ProvisioningAction action)
        {
            if (cycle == null) throw new ArgumentNullException(nameof(cycle));
            _record = new ProvisioningLogRecord
            {
                Id = Guid.NewGuid().ToString(),
                ActivityDateTime = DateTimeOffset.UtcNow,
                TenantId = cycle.TenantId,
                JobId = cycle.JobId,
                CycleId = cycle.CycleId,
                ChangeId = Guid.NewGuid().ToString(),
                InitiatedBy = cycle.InitiatedBy,
                ServicePrincipal = cycle.ServicePrincipal,
                SourceSystem = cycle.SourceSystem,
                TargetSystem = cycle.TargetSystem,
                ProvisioningAction = action,
                ProvisioningStatusInfo = new ProvisioningStatusInfo { Status = ProvisioningResult.Success },
            };
        }

        /// <summary>Keeps one change id across retries of the same change (default: a new guid).</summary>
        public ProvisioningLogRecordBuilder ChangeId(string changeId)
        {
            if (!string.IsNullOrWhiteSpace(changeId)) _record.ChangeId = changeId;
            return this;
        }

        public ProvisioningLogRecordBuilder At(DateTimeOffset activityDateTime)
        {
            _record.ActivityDateTime = activityDateTime.ToUniversalTime();
            return this;
        }

        public ProvisioningLogRecordBuilder Duration(TimeSpan duration)
        {
            _record.DurationInMilliseconds = (long)Math.Max(0, duration.TotalMilliseconds);
            return this;
        }

        /// <summary>The Entra object; <paramref name="userPrincipalName"/> goes to details.UserPrincipalName (what -UserPrincipalName filters on).</summary>
        public ProvisioningLogRecordBuilder Source(string id, string displayName, string identityType = "User", string userPrincipalName = null, IDictionary<string, string> details = null)
        {
            _record.SourceIdentity = Identity(id, displayName, identityType, userPrincipalName, details);
            return this;
        }

        /// <summary>The ShareFile object (id known after a create or a match).</summary>
        public ProvisioningLogRecordBuilder Target(string id, string displayName, string identityType = "User", string email = null, IDictionary<string, string> details = null)
        {
            _record.TargetIdentity = Identity(id, displayName, identityType, null, details);
            if (!string.IsNullOrEmpty(email))
            {
                _record.TargetIdentity.Details = _record.TargetIdentity.Details ?? new Dictionary<string, string>();
                _record.TargetIdentity.Details["Email"] = email;
            }
            return this;
        }

        public ProvisioningLogRecordBuilder Step(ProvisioningStepType type, string name, ProvisioningResult status, string description = null, IDictionary<string, string> details = null)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A provisioning step needs a name (e.g. EntryImport).", nameof(name));
            _record.ProvisioningSteps.Add(new ProvisioningStep
            {
                Name = name,
                ProvisioningStepType = type,
                Status = status,
                Description = description,
                Details = details == null || details.Count == 0 ? null : new Dictionary<string, string>(details),
            });
            return this;
        }

        /// <summary>One changed property; null stands for "no value".</summary>
        public ProvisioningLogRecordBuilder Modified(string displayName, string oldValue, string newValue)
        {
            if (string.IsNullOrWhiteSpace(displayName)) throw new ArgumentException("A modified property needs a display name.", nameof(displayName));
            _record.ModifiedProperties.Add(new ModifiedProperty { DisplayName = displayName, OldValue = oldValue, NewValue = newValue });
            return this;
        }

        public ProvisioningLogRecordBuilder Failed(string errorCode, string reason, string additionalDetails = null, string recommendedAction = null, string errorCategory = "failure") =>
            Status(ProvisioningResult.Failure, errorCode, reason, additionalDetails, recommendedAction, errorCategory);

        /// <summary>Skipped (e.g. out of scope, already in sync, staged); the reason is kept as errorInformation.reason.</summary>
        public ProvisioningLogRecordBuilder Skipped(string reason = null, string code = null) =>
            reason == null && code == null ? Status(ProvisioningResult.Skipped, null, null, null, null, null) : Status(ProvisioningResult.Skipped, code, reason, null, null, "nonServiceFailure");

        public ProvisioningLogRecordBuilder Warning(string code, string reason, string recommendedAction = null) =>
            Status(ProvisioningResult.Warning, code, reason, null, recommendedAction, "nonServiceFailure");

        public ProvisioningLogRecordBuilder Succeeded() => Status(ProvisioningResult.Success, null, null, null, null, null);

        public ProvisioningLogRecord Build()
        {
            if (_record.SourceIdentity == null && _record.TargetIdentity == null)
                throw new InvalidOperationException($"Provisioning log record {_record.ChangeId} ({_record.ProvisioningAction}) names neither a source nor a target object.");
            return _record;
        }

        private ProvisioningLogRecordBuilder Status(ProvisioningResult status, string code, string reason, string additional, string recommended, string category)
        {
            _record.ProvisioningStatusInfo = new ProvisioningStatusInfo
            {
                Status = status,
                ErrorInformation = code == null && reason == null && additional == null ? null : new ProvisioningErrorInformation
                {
                    ErrorCode = code,
                    Reason = reason,
                    AdditionalDetails = additional,
                    ErrorCategory = category,
                    RecommendedAction = recommended,
                },
            };
            return this;
        }

        private static ProvisionedIdentity Identity(string id, string displayName, string type, string upn, IDictionary<string, string> details)
        {
            var all = details == null ? new Dictionary<string, string>() : details.ToDictionary(p => p.Key, p => p.Value);
            if (!string.IsNullOrEmpty(upn)) all[ProvisionedIdentity.UserPrincipalNameDetail] = upn;
            return new ProvisionedIdentity { Id = id, DisplayName = displayName, IdentityType = type, Details = all.Count == 0 ? null : all };
        }
    }
}
