using System.Collections.Generic;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// The ShareFile values an action writes, in target-attribute terms. For Create: every value to send; for the
    /// other actions: only the attributes that differ. Null = not written. A redacted value is never stored (plans are
    /// saved to files): its attribute is listed in <see cref="Redacted"/> and the sync re-evaluates that mapping.
    /// </summary>
    public sealed class PlanUserValues
    {
        public string Email { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Company { get; set; }

        public UserKind? UserType { get; set; }

        public bool? Enabled { get; set; }

        public string DefaultZone { get; set; }

        public long? StorageQuotaLimitGB { get; set; }

        public bool? CanCreateFolders { get; set; }

        public bool? CanUseFileBox { get; set; }

        public bool? CanManageUsers { get; set; }

        /// <summary>Attributes whose value came from Redact: written, but their value is not kept in the plan.</summary>
        public List<TargetAttribute> Redacted { get; set; } = new List<TargetAttribute>();

        public bool IsEmpty =>
            Email == null && FirstName == null && LastName == null && Company == null && UserType == null && Enabled == null &&
            DefaultZone == null && StorageQuotaLimitGB == null && CanCreateFolders == null && CanUseFileBox == null &&
            CanManageUsers == null && (Redacted == null || Redacted.Count == 0);

        public object Get(TargetAttribute attribute)
        {
            switch (attribute)
            {
                case TargetAttribute.Email: return Email;
                case TargetAttribute.FirstName: return FirstName;
                case TargetAttribute.LastName: return LastName;
                case TargetAttribute.Company: return Company;
                case TargetAttribute.UserType: return UserType;
                case TargetAttribute.Enabled: return Enabled;
                case TargetAttribute.DefaultZone: return DefaultZone;
                case TargetAttribute.StorageQuotaLimitGB: return StorageQuotaLimitGB;
                case TargetAttribute.CanCreateFolders: return CanCreateFolders;
                case TargetAttribute.CanUseFileBox: return CanUseFileBox;
                default: return CanManageUsers;
            }
        }

        /// <summary>Sets one attribute from a mapped value (string, bool, long or UserKind).</summary>
        public void Set(TargetAttribute attribute, object value)
        {
            switch (attribute)
            {
                case TargetAttribute.Email: Email = (string)value; break;
                case TargetAttribute.FirstName: FirstName = (string)value; break;
                case TargetAttribute.LastName: LastName = (string)value; break;
                case TargetAttribute.Company: Company = (string)value; break;
                case TargetAttribute.UserType: UserType = (UserKind?)value; break;
                case TargetAttribute.Enabled: Enabled = (bool?)value; break;
                case TargetAttribute.DefaultZone: DefaultZone = (string)value; break;
                case TargetAttribute.StorageQuotaLimitGB: StorageQuotaLimitGB = (long?)value; break;
                case TargetAttribute.CanCreateFolders: CanCreateFolders = (bool?)value; break;
                case TargetAttribute.CanUseFileBox: CanUseFileBox = (bool?)value; break;
                default: CanManageUsers = (bool?)value; break;
            }
        }
    }
}
