namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Names of the connection test's checks, in the order they run.</summary>
    public static class ConnectionCheckNames
    {
        public const string HostReachable = "Host reachable";
        public const string TokenObtained = "Token obtained";
        public const string AdminUser = "Signed-in user is an employee administrator";
        public const string RolePrefix = "Role ";
        public const string Licences = "Employee licences";
        public const string EmployeeSettings = "Strict employee settings";
        public const string EmployeeListAccess = "Employee list access";
        public const string GroupListAccess = "Group list access";
        public const string Overall = "Overall";
    }
}
