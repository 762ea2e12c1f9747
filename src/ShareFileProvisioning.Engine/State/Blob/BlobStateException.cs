using System;
using System.IO;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// A state blob changed since this store read it (its ETag no longer matches), or appeared although this store saw
    /// none. Nothing was overwritten: another writer got there first. Reload the state and try again.
    /// </summary>
    public sealed class BlobStateConflictException : IOException
    {
        public BlobStateConflictException(string location, string blobName)
            : base($"The state blob '{blobName}' in '{location}' was changed by another writer since this store read it (ETag mismatch); nothing was overwritten. Another sync may be running on this profile: reload the state and try again.")
        {
            Location = location;
            BlobName = blobName;
        }

        public string Location { get; }

        public string BlobName { get; }
    }

    /// <summary>Azure Storage refused or failed a state operation; the message names the blob, the HTTP status and Azure's error code.</summary>
    public sealed class BlobStateStoreException : IOException
    {
        public BlobStateStoreException(string location, string blobName, string action, int status, string errorCode, Exception inner)
            : base($"Could not {action} '{blobName}' in '{location}': HTTP {status} {errorCode ?? "(no error code)"}.{Hint(status)}", inner)
        {
            Location = location;
            BlobName = blobName;
            Status = status;
            ErrorCode = errorCode;
        }

        public string Location { get; }

        public string BlobName { get; }

        public int Status { get; }

        public string ErrorCode { get; }

        private static string Hint(int status)
        {
            switch (status)
            {
                case 401:
                case 403:
                    return " Check that the identity has the Storage Blob Data Contributor role on the container, or that the SAS grants read, write, create, delete and list and has not expired.";
                case 404:
                    return " Check the storage account and container URL.";
                default:
                    return "";
            }
        }
    }
}
