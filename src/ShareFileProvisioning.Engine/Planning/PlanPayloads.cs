using System;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// The ShareFile request bodies of a plan item, so the sync sends exactly what the plan shows. Redacted values are
    /// not in the plan: pass <c>redacted</c> to supply them (the sync re-evaluates those mappings for the user).
    /// </summary>
    public static class PlanPayloads
    {
        /// <summary>POST Users (client) or POST Users/AccountUser (employee) for a Create item.</summary>
        public static SfCreateClientRequest CreateRequest(PlanItem item, Func<TargetAttribute, object> redacted = null)
        {
            Require(item, PlanAction.Create);
            var d = item.Desired;
            var v = new Values(d, redacted, item);
            SfCreateClientRequest request;
            if ((d.UserType ?? UserKind.Employee) == UserKind.Employee)
            {
                request = new SfCreateEmployeeRequest
                {
                    CanCreateFolders = (bool?)v.Get(TargetAttribute.CanCreateFolders),
                    CanUseFileBox = (bool?)v.Get(TargetAttribute.CanUseFileBox),
                    CanManageUsers = (bool?)v.Get(TargetAttribute.CanManageUsers),
                    StorageQuotaLimitGB = Quota(v.Get(TargetAttribute.StorageQuotaLimitGB)),
                };
            }
            else
            {
                request = new SfCreateClientRequest();
            }
            request.Email = (string)v.Get(TargetAttribute.Email);
            request.FirstName = (string)v.Get(TargetAttribute.FirstName);
            request.LastName = (string)v.Get(TargetAttribute.LastName);
            request.Company = (string)v.Get(TargetAttribute.Company);
            request.DefaultZoneId = (string)v.Get(TargetAttribute.DefaultZone);
            return request;
        }

        /// <summary>
        /// PATCH Users(id): the attributes the item changes besides the user type (Security.IsDisabled included). For a
        /// Create item: what to send right after the create (a user created disabled). Null when there is nothing to send.
        /// </summary>
        public static SfUserUpdate AttributeUpdate(PlanItem item, Func<TargetAttribute, object> redacted = null)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            if (!item.IsExecutable || item.Action == PlanAction.Delete) return null;
            var v = new Values(item.Desired, redacted, item);
            var enabled = (bool?)v.Get(TargetAttribute.Enabled);
            if (item.Action == PlanAction.Create)
                return enabled == false ? new SfUserUpdate { IsDisabled = true } : null;
            var update = new SfUserUpdate
            {
                Email = (string)v.Get(TargetAttribute.Email),
                FirstName = (string)v.Get(TargetAttribute.FirstName),
                LastName = (string)v.Get(TargetAttribute.LastName),
                Company = (string)v.Get(TargetAttribute.Company),
                DefaultZoneId = (string)v.Get(TargetAttribute.DefaultZone),
                IsDisabled = enabled.HasValue ? !enabled.Value : (bool?)null,
            };
            return update.Email == null && update.FirstName == null && update.LastName == null && update.Company == null &&
                   update.DefaultZoneId == null && update.IsDisabled == null ? null : update;
        }

        /// <summary>PATCH Users/AccountUser(id) with IsEmployee=true (and the employee settings) for an item that promotes.</summary>
        public static SfAccountUserUpdate Promotion(PlanItem item, Func<TargetAttribute, object> redacted = null)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            if (item.Desired.UserType != UserKind.Employee || item.Action == PlanAction.Create) return null;
            var v = new Values(item.Desired, redacted, item);
            return new SfAccountUserUpdate
            {
                IsEmployee = true,
                CanCreateFolders = (bool?)v.Get(TargetAttribute.CanCreateFolders),
                CanUseFileBox = (bool?)v.Get(TargetAttribute.CanUseFileBox),
                CanManageUsers = (bool?)v.Get(TargetAttribute.CanManageUsers),
                StorageQuotaLimitGB = Quota(v.Get(TargetAttribute.StorageQuotaLimitGB)),
            };
        }

        /// <summary>True when the item turns an employee into a client (POST Users/Employees/Downgrade).</summary>
        public static bool Downgrades(PlanItem item) =>
            item != null && item.IsExecutable && item.Action != PlanAction.Create && item.Desired.UserType == UserKind.Client;

        private static void Require(PlanItem item, PlanAction action)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            if (item.Action != action) throw new InvalidOperationException($"Plan item {item.ChangeId} is {item.Action}, not {action}.");
        }

        private static int? Quota(object value) => value == null ? (int?)null : (int)Math.Min(int.MaxValue, (long)value);

        /// <summary>Desired values, with redacted ones from the resolver.</summary>
        private readonly struct Values
        {
            private readonly PlanUserValues _desired;
            private readonly Func<TargetAttribute, object> _redacted;
            private readonly PlanItem _item;

            public Values(PlanUserValues desired, Func<TargetAttribute, object> redacted, PlanItem item)
            {
                _desired = desired ?? new PlanUserValues();
                _redacted = redacted;
                _item = item;
            }

            public object Get(TargetAttribute attribute)
            {
                if (_desired.Redacted == null || !_desired.Redacted.Contains(attribute)) return _desired.Get(attribute);
                if (_redacted == null)
                    throw new InvalidOperationException($"Plan item {_item.ChangeId} writes a redacted {attribute}, which plans do not keep: re-evaluate the mapping for {_item.DisplayName ?? _item.SourceId} and pass it.");
                return _redacted(attribute);
            }
        }
    }
}
