using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// Employee or client: by <see cref="Expression"/> (yielding "Employee"/"Client"), or by membership in named
    /// groups (display names or object ids), else <see cref="Default"/>. Expression and groups are exclusive.
    /// A user in both lists is an employee (never take a licence away on an ambiguous rule).
    /// </summary>
    public sealed class UserTypeSettings
    {
        public UserKind Default { get; set; } = UserKind.Employee;

        public string Expression { get; set; }

        public List<string> ClientGroups { get; set; } = new List<string>();

        public List<string> EmployeeGroups { get; set; } = new List<string>();
    }
}
