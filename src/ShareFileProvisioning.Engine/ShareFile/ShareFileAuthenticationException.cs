using System;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// A token could not be obtained. The message is written for an administrator and never contains a secret;
    /// the client does not retry these.
    /// </summary>
    public sealed class ShareFileAuthenticationException : Exception
    {
        public ShareFileAuthenticationException(string message, ShareFileAuthenticationFailure failure, int? statusCode, string oauthError)
            : base(message)
        {
            Failure = failure;
            StatusCode = statusCode;
            OAuthError = oauthError;
        }

        public ShareFileAuthenticationFailure Failure { get; }

        /// <summary>HTTP status of the token response, when there was one.</summary>
        public int? StatusCode { get; }

        /// <summary>The OAuth "error" value, e.g. invalid_grant; null when the body had none.</summary>
        public string OAuthError { get; }
    }
}
