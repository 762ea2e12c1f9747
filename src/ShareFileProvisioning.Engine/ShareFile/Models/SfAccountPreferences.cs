using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Account preferences the provisioning cares about (strict employee definition).</summary>
    public sealed class SfAccountPreferences
    {
        private static readonly char[] DomainSeparators = { ',', ';', ' ', '\t', '\r', '\n' };

        public SfAccountPreferences(bool? useStrictEmployeeDefinition, string employeeEmailDomainsText)
        {
            UseStrictEmployeeDefinition = useStrictEmployeeDefinition;
            EmployeeEmailDomainsText = employeeEmailDomainsText;
            EmployeeEmailDomains = SplitDomains(employeeEmailDomainsText);
        }

        public bool? UseStrictEmployeeDefinition { get; }

        /// <summary>The raw string as ShareFile returns it.</summary>
        public string EmployeeEmailDomainsText { get; }

        /// <summary>Split on ',' ';' and whitespace, trimmed, lower-cased, duplicates removed.</summary>
        public IReadOnlyList<string> EmployeeEmailDomains { get; }

        internal static IReadOnlyList<string> SplitDomains(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return Array.Empty<string>();
            }

            return text.Split(DomainSeparators, StringSplitOptions.RemoveEmptyEntries)
                .Select(d => d.Trim().TrimStart('@').ToLowerInvariant())
                .Where(d => d.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
        }
    }
}
