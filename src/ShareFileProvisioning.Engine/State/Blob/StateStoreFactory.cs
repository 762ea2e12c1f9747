using System;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// Picks where a profile's state and logs live: the profile's folder (default) or, for runbooks, the profile's
    /// blob container (the container named by the settings, or "sfprov-&lt;profile&gt;" when they name only the account).
    /// </summary>
    public static class StateStoreFactory
    {
        /// <summary>A <see cref="FileStateStore"/> when <paramref name="blob"/> is null, else a <see cref="BlobStateStore"/>.</summary>
        public static IStateStore CreateStateStore(ProvisioningProfile profile, BlobStateStoreSettings blob = null)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            return blob == null ? new FileStateStore(profile) : (IStateStore)new BlobStateStore(blob.ForProfile(profile.Name));
        }

        /// <summary>A <see cref="FileLogStore"/> when <paramref name="blob"/> is null, else a <see cref="BlobLogStore"/> in the same container (logs/).</summary>
        public static ILogStore CreateLogStore(ProvisioningProfile profile, BlobStateStoreSettings blob = null)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            return blob == null ? new FileLogStore(profile) : (ILogStore)new BlobLogStore(blob.ForProfile(profile.Name));
        }
    }
}
