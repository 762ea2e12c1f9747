using System.Collections.Generic;
using Microsoft.Graph.Models;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>
    /// The tenant's users as the scope read saw them when it listed the whole tenant (cheaper than reading the scope's
    /// users by id): the account report explains ShareFile accounts with it instead of listing the tenant again.
    /// Complete only when every page was listed with the mail attribute.
    /// </summary>
    internal sealed class TenantListing
    {
        private readonly List<TenantUser> _users = new List<TenantUser>();

        public bool IsComplete { get; private set; }

        public IReadOnlyList<TenantUser> Users => _users;

        public void Add(IEnumerable<User> page)
        {
            lock (_users)
            {
                foreach (var u in page)
                    _users.Add(new TenantUser { Id = u.Id, UserPrincipalName = u.UserPrincipalName, Mail = u.Mail, AccountEnabled = u.AccountEnabled ?? true });
            }
        }

        public void Complete() => IsComplete = true;
    }
}
