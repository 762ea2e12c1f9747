using System;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Http;

namespace ShareFileProvisioning.Connection
{
    /// <summary>
    /// -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials, declared once and offered by each connecting cmdlet
    /// as its dynamic parameters (Connect-ShareFile, Connect-ProvisioningSource, New-ShareFileStateStoreConnection).
    /// </summary>
    public sealed class ProxyParameters
    {
        /// <summary>Outbound proxy (http://proxy:3128); without it the platform default applies.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri Proxy { get; set; }

        /// <summary>User and password for the proxy (a secret: never shown or stored).</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential ProxyCredential { get; set; }

        /// <summary>Sign in to the proxy as the current Windows user.</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Null when none is given: the platform default proxy applies, as before.</summary>
        internal ProxySettings ToSettings()
        {
            if (Proxy == null && ProxyCredential == null && !ProxyUseDefaultCredentials) return null;
            // Validated with the rest of each connection's settings, so a bad proxy fails like any bad setting.
            return new ProxySettings
            {
                Address = Proxy,
                UserName = ProxyCredential?.UserName,
                Password = ProxyCredential?.Password,
                UseDefaultCredentials = ProxyUseDefaultCredentials,
            };
        }
    }
}
