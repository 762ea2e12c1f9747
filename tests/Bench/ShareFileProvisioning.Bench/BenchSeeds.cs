using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Bench
{
    /// <summary>The benchmark tenant: Graph users user000000… and a ShareFile account that already holds half of them.</summary>
    internal static class BenchSeeds
    {
        public static string WriteGraph(string folder, int users, int groups, int membersPerGroup)
        {
            var path = Path.Combine(folder, "graph.json");
            GraphSeedGenerator.Save(GraphSeedGenerator.Create(users, groups, membersPerGroup, assignedUserPercent: 100), path);
            return path;
        }

        /// <summary>
        /// Every even user exists in ShareFile (adopted by matching); every fourth of those has an outdated last name
        /// (an update); 500 extra accounts exist only in ShareFile (unmanaged). Enough licences for everyone.
        /// </summary>
        /// <summary>The assigned users of a Graph seed as pipeline rows (source-attribute names).</summary>
        public static ShareFileProvisioning.Engine.Source.Pipeline.PipelineSource PipelineFrom(string graphSeedPath)
        {
            var seed = GraphState.ParseSeed(File.ReadAllText(graphSeedPath), graphSeedPath);
            var rows = new List<IDictionary<string, object>>(seed.Users.Count);
            foreach (var u in seed.Users)
                rows.Add(new Dictionary<string, object>
                {
                    ["id"] = u.Id, ["userPrincipalName"] = u.UserPrincipalName, ["mail"] = u.Mail, ["givenName"] = u.GivenName,
                    ["surname"] = u.Surname, ["displayName"] = u.DisplayName, ["companyName"] = u.CompanyName, ["accountEnabled"] = u.AccountEnabled,
                });
            return new ShareFileProvisioning.Engine.Source.Pipeline.PipelineSource(rows);
        }

        public static string WriteShareFile(string folder, int users)
        {
            var seed = ShareFileSeed.Default();
            seed.Account.UserMax = users + 10000;
            seed.Users = seed.Users ?? new List<SeedUser>();
            for (var i = 0; i < users; i += 2)
            {
                seed.Users.Add(new SeedUser
                {
                    Email = $"user{i:D6}@contoso.example", FirstName = "User",
                    LastName = i % 8 == 0 ? "Outdated" : i.ToString("D6"), Company = "Contoso", Type = "Employee",
                });
            }
            for (var i = 0; i < 500; i++)
                seed.Users.Add(new SeedUser { Email = $"partner{i:D4}@fabrikam.example", FirstName = "Partner", LastName = i.ToString("D4"), Type = "Client" });
            var path = Path.Combine(folder, "sharefile.json");
            File.WriteAllText(path, JsonConvert.SerializeObject(seed, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
            return path;
        }
    }
}
