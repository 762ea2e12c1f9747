using System;
using System.Security.Cryptography;
using System.Text;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// Entra's jobId format, &lt;templateId&gt;.&lt;tenantId without dashes&gt;.&lt;guid&gt;. The guid is derived from the
    /// profile name and tenant (name-based, SHA-256), so a profile keeps one jobId across runs and machines without
    /// storing it anywhere.
    /// </summary>
    public static class ProvisioningJobId
    {
        public const string TemplateId = "sharefileprovisioning";

        public static string For(string tenantId, string profileName)
        {
            if (string.IsNullOrWhiteSpace(profileName)) throw new ArgumentException("The profile name is required for the provisioning job id.", nameof(profileName));
            var tenant = (tenantId ?? string.Empty).Trim().Replace("-", string.Empty).ToLowerInvariant();
            byte[] hash;
            using (var sha = SHA256.Create())
                hash = sha.ComputeHash(Encoding.UTF8.GetBytes(TemplateId + "|" + tenant + "|" + profileName.Trim().ToLowerInvariant()));
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (name-based) in Guid's little-endian layout
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return $"{TemplateId}.{tenant}.{new Guid(bytes):N}";
        }
    }
}
