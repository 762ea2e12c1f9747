using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Emulator.Graph;

namespace ShareFileProvisioning.SyncBench
{
    /// <summary>Adds assigned groups of overlapping ranges of the generated users (sizes spread from 50 to the maximum).</summary>
    internal static class GroupBench
    {
        public static void AddGroups(GraphSeed seed, int groups, int maxMembers)
        {
            var role = seed.ServicePrincipal.AppRoles.First(r => r.AllowedMemberTypes.Contains("Group"));
            var users = seed.Users.Count;
            for (var g = 0; g < groups; g++)
            {
                var size = System.Math.Min(users, 50 + (g * 37) % (maxMembers - 49));
                var start = (g * 97) % users;
                var members = Enumerable.Range(0, size).Select(i => seed.Users[(start + i) % users].Id).ToList();
                var id = System.Guid.NewGuid().ToString();
                seed.Groups.Add(new GraphGroupSeed { Id = id, DisplayName = $"Bench Group {g:D4}", MailNickname = $"benchgroup{g:D4}", Members = members });
                seed.AppRoleAssignments.Add(new GraphAssignmentSeed { PrincipalId = id, PrincipalType = "Group", AppRoleId = role.Id });
            }
        }
    }
}
