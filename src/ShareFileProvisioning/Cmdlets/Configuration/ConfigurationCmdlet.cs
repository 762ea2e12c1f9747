using System;
using System.IO;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>
    /// Base of the configuration cmdlets: -Profile (default: the connected subdomain, else "default") and
    /// -ConfigurationPath (an explicit file, e.g. for runbooks; wins over the profile's). Loads and saves through the
    /// engine, which validates every time; validation problems become one ConfigurationInvalid error per field.
    /// </summary>
    public abstract class ConfigurationCmdlet : ShareFileCmdlet
    {
        internal const string ValidTargets = "Email,FirstName,LastName,Company,UserType,Enabled,DefaultZone,StorageQuotaLimitGB,CanCreateFolders,CanUseFileBox,CanManageUsers";

        /// <summary>The profile (one per ShareFile account). Default: the subdomain of the current connection, else "default".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string Profile { get; set; }

        /// <summary>An explicit configuration file; wins over the profile folder's configuration.json.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ConfigurationPath { get; set; }

        private protected ProvisioningProfile ResolvedProfile { get; private set; }

        private protected override object CurrentTarget => ResolvedProfile?.ConfigurationPath;

        protected override void BeginProcessing()
        {
            try
            {
                var name = Profile ?? ProfileLocator.DefaultName(ConnectionRegistry.Get()?.Subdomain);
                var path = ConfigurationPath == null ? null : GetUnresolvedProviderPathFromPSPath(ConfigurationPath);
                ResolvedProfile = ProfileLocator.ForCurrentUser().Get(name, path);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidProfile", ErrorCategory.InvalidArgument, Profile));
            }
            WriteVerbose($"Profile '{ResolvedProfile.Name}', configuration '{ResolvedProfile.ConfigurationPath}'.");
        }

        /// <summary>Loads the configuration (the defaults when there is no file). False after writing the errors.</summary>
        private protected bool TryLoad(out ProvisioningConfiguration configuration)
        {
            configuration = null;
            var path = ResolvedProfile.ConfigurationPath;
            try
            {
                configuration = RunEngine((trace, ct) => ConfigurationFile.LoadOrDefaultAsync(path, ct));
                return true;
            }
            catch (ConfigurationValidationException e)
            {
                WriteErrors(e, fromParameters: false);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ConfigurationErrorRecords.Unreadable(e, path));
            }
            return false;
        }

        /// <summary>Validates and, if ShouldProcess agrees, saves atomically. False when invalid or declined.</summary>
        private protected bool TrySave(ProvisioningConfiguration configuration, string action, bool fromParameters = true)
        {
            var path = ResolvedProfile.ConfigurationPath;
            var errors = ConfigurationValidator.Validate(configuration);
            if (errors.Count > 0)
            {
                WriteErrors(new ConfigurationValidationException(path, errors), fromParameters);
                return false;
            }
            if (!ShouldProcess($"provisioning configuration '{path}' (profile '{ResolvedProfile.Name}')", action)) return false;
            try
            {
                RunEngine(async (trace, ct) =>
                {
                    await ConfigurationFile.SaveAsync(configuration, path, ct).ConfigureAwait(false);
                    return true;
                });
                return true;
            }
            catch (ConfigurationValidationException e)
            {
                WriteErrors(e, fromParameters);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ConfigurationErrorRecords.Unreadable(e, path));
            }
            return false;
        }

        private protected void WriteErrors(ConfigurationValidationException e, bool fromParameters)
        {
            foreach (var record in ConfigurationErrorRecords.From(e, fromParameters)) WriteError(record);
        }

        private protected ShareFileProvisioningConfiguration ToOutput(ProvisioningConfiguration configuration) =>
            ConfigurationOutputMapper.ToOutput(configuration, ResolvedProfile, !ResolvedProfile.HasConfiguration);
    }
}
