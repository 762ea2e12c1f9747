using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// The last line of defence before a record reaches disk: every string goes through <see cref="SecretRedactor"/>,
    /// bearer/JWT-looking tokens are masked wherever they appear, and values of secret-named properties or details
    /// (password, secret, token …) become "[Redact]" (Entra's own marker, which is kept as is).
    /// </summary>
    public static class ProvisioningLogSanitizer
    {
        public const string RedactedValue = "[Redact]";

        private static readonly Regex Jwt = new Regex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly string[] SecretWords = { "password", "secret", "token", "credential", "apikey", "api_key" };

        /// <summary>True for a property or detail name whose value must never be logged.</summary>
        public static bool IsSecretName(string name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            if (SecretRedactor.IsSecretName(name)) return true;
            var lower = name.ToLowerInvariant();
            return SecretWords.Any(lower.Contains);
        }

        /// <summary>Masks secrets in free text.</summary>
        public static string Clean(string text)
        {
            if (string.IsNullOrEmpty(text) || text == RedactedValue) return text;
            return Jwt.Replace(SecretRedactor.Redact(text), SecretRedactor.Mask);
        }

        /// <summary>Sanitizes the record in place and returns it.</summary>
        public static ProvisioningLogRecord Sanitize(ProvisioningLogRecord record)
        {
            if (record == null) return null;
            record.Id = Clean(record.Id);
            record.TenantId = Clean(record.TenantId);
            record.JobId = Clean(record.JobId);
            record.CycleId = Clean(record.CycleId);
            record.ChangeId = Clean(record.ChangeId);
            if (record.InitiatedBy != null)
            {
                record.InitiatedBy = new ProvisioningInitiator
                {
                    Id = Clean(record.InitiatedBy.Id),
                    DisplayName = Clean(record.InitiatedBy.DisplayName),
                    InitiatorType = Clean(record.InitiatedBy.InitiatorType),
                };
            }
            if (record.ServicePrincipal != null)
                record.ServicePrincipal = new ProvisioningServicePrincipal { Id = Clean(record.ServicePrincipal.Id), DisplayName = Clean(record.ServicePrincipal.DisplayName) };
            record.SourceSystem = Clean(record.SourceSystem);
            record.TargetSystem = Clean(record.TargetSystem);
            record.SourceIdentity = Clean(record.SourceIdentity);
            record.TargetIdentity = Clean(record.TargetIdentity);
            var error = record.ProvisioningStatusInfo?.ErrorInformation;
            if (error != null)
            {
                error.ErrorCode = Clean(error.ErrorCode);
                error.Reason = Clean(error.Reason);
                error.AdditionalDetails = Clean(error.AdditionalDetails);
                error.ErrorCategory = Clean(error.ErrorCategory);
                error.RecommendedAction = Clean(error.RecommendedAction);
            }
            foreach (var step in record.ProvisioningSteps ?? new List<ProvisioningStep>())
            {
                step.Name = Clean(step.Name);
                step.Description = Clean(step.Description);
                step.Details = Clean(step.Details);
            }
            foreach (var property in record.ModifiedProperties ?? new List<ModifiedProperty>())
            {
                var secret = IsSecretName(property.DisplayName);
                property.DisplayName = Clean(property.DisplayName);
                property.OldValue = secret && property.OldValue != null ? RedactedValue : Clean(property.OldValue);
                property.NewValue = secret && property.NewValue != null ? RedactedValue : Clean(property.NewValue);
            }
            return record;
        }

        // Systems and identities may be shared by all records of a cycle: copy rather than mutate.
        private static ProvisioningSystem Clean(ProvisioningSystem system) => system == null ? null : new ProvisioningSystem
        {
            Id = Clean(system.Id),
            DisplayName = Clean(system.DisplayName),
            Details = Clean(system.Details),
        };

        private static ProvisionedIdentity Clean(ProvisionedIdentity identity) => identity == null ? null : new ProvisionedIdentity
        {
            Id = Clean(identity.Id),
            DisplayName = Clean(identity.DisplayName),
            IdentityType = Clean(identity.IdentityType),
            Details = Clean(identity.Details),
        };

        private static Dictionary<string, string> Clean(Dictionary<string, string> details) =>
            details?.ToDictionary(p => p.Key, p => IsSecretName(p.Key) && p.Value != null ? RedactedValue : Clean(p.Value));
    }
}
