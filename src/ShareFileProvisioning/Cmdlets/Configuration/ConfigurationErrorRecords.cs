using System;
using System.IO;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Configuration problems → one ErrorRecord per field (id ConfigurationInvalid, target = the field's JSON path).</summary>
    internal static class ConfigurationErrorRecords
    {
        public const string InvalidId = "ConfigurationInvalid";

        /// <param name="fromParameters">The change came from cmdlet parameters (InvalidArgument) rather than a file (InvalidData).</param>
        public static ErrorRecord[] From(ConfigurationValidationException e, bool fromParameters)
        {
            var records = new ErrorRecord[e.Errors.Count == 0 ? 1 : e.Errors.Count];
            if (e.Errors.Count == 0)
            {
                records[0] = new ErrorRecord(e, InvalidId, fromParameters ? ErrorCategory.InvalidArgument : ErrorCategory.InvalidData, null);
                return records;
            }
            for (var i = 0; i < e.Errors.Count; i++)
            {
                var error = e.Errors[i];
                var single = new ConfigurationValidationException(e.Source, new[] { error });
                records[i] = new ErrorRecord(single, InvalidId, fromParameters ? ErrorCategory.InvalidArgument : ErrorCategory.InvalidData, error.Field)
                {
                    ErrorDetails = new ErrorDetails($"Configuration field '{error.Field}': {error.Problem}")
                    {
                        RecommendedAction = "Fix the field (Set-ShareFileProvisioningConfiguration, Set-ShareFileAttributeMapping, or edit the JSON) and try again; nothing was saved.",
                    },
                };
            }
            return records;
        }

        public static ErrorRecord Unreadable(Exception e, string path) =>
            new ErrorRecord(new IOException($"Cannot read or write the provisioning configuration '{path}': {e.Message}", e), "ConfigurationUnreadable", ErrorCategory.ReadError, path);
    }
}
