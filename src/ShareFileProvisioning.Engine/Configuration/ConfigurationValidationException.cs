using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>The configuration is invalid; <see cref="Errors"/> names each field and problem. Nothing was written.</summary>
    public sealed class ConfigurationValidationException : Exception
    {
        public ConfigurationValidationException(string source, IReadOnlyList<ConfigurationError> errors)
            : base(BuildMessage(source, errors))
        {
            Source = source;
            Errors = errors ?? new ConfigurationError[0];
        }

        /// <summary>Where the configuration came from (a file path, "import", …); may be null.</summary>
        public new string Source { get; }

        public IReadOnlyList<ConfigurationError> Errors { get; }

        private static string BuildMessage(string source, IReadOnlyList<ConfigurationError> errors)
        {
            var count = errors?.Count ?? 0;
            var head = $"The provisioning configuration{(string.IsNullOrEmpty(source) ? "" : " '" + source + "'")} is invalid ({count} error{(count == 1 ? "" : "s")})";
            return count == 0 ? head + "." : head + ": " + string.Join("; ", errors.Select(e => e.ToString()));
        }
    }
}
