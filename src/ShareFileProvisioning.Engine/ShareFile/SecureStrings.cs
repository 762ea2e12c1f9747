using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Unwraps a SecureString at the HTTP boundary only.</summary>
    internal static class SecureStrings
    {
        public static string Unwrap(SecureString value)
        {
            if (value == null)
            {
                return null;
            }

            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
