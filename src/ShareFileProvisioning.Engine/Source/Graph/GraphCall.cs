using System;
using System.Threading.Tasks;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// Runs one SDK call and turns its failures into engine exceptions: 403 names the permission the operation needs,
    /// sign-in failures become <see cref="SourceAuthenticationException"/>. The SDK's retry handler has already
    /// retried 429/503/504 by the time an error reaches here.
    /// </summary>
    internal static class GraphCall
    {
        public static async Task<T> Run<T>(string operation, string permission, Func<Task<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 403)
            {
                throw new SourcePermissionException(operation, permission, e.Error?.Code, e);
            }
            catch (ODataError e) when (IsDeltaExpired(e))
            {
                throw new DeltaExpiredException($"{operation}: HTTP {e.ResponseStatusCode} {e.Error?.Code} ({Echo(e.Error?.Message)})", e);
            }
            catch (ODataError e)
            {
                throw new SourceException($"Microsoft Graph failed {operation}: HTTP {e.ResponseStatusCode} {e.Error?.Code}: {Echo(e.Error?.Message)}", e.ResponseStatusCode, e.Error?.Code, e);
            }
            catch (ApiException e) when (e.ResponseStatusCode == 410)
            {
                throw new DeltaExpiredException($"{operation}: HTTP 410 Gone (resync required)", e);
            }
            catch (ApiException e)
            {
                throw new SourceException($"Microsoft Graph failed {operation}: HTTP {e.ResponseStatusCode}: {Echo(e.Message)}", e.ResponseStatusCode, null, e);
            }
            catch (CredentialUnavailableException e)
            {
                throw new SourceAuthenticationException($"No credential is available for {operation}: {Echo(Describe(e))}", e);
            }
            catch (AuthenticationFailedException e)
            {
                throw new SourceAuthenticationException($"Sign-in to Entra ID failed while {operation}: {Echo(Describe(e))}", e);
            }
            catch (System.Net.Http.HttpRequestException e)
            {
                throw new SourceException($"Microsoft Graph is unreachable ({operation}): {Echo(e.Message)}", 0, null, e);
            }
        }

        /// <summary>Server and SDK text may echo a request (a secret, a token): it is redacted before it joins a message.</summary>
        private static string Echo(string text) => Diagnostics.SecretRedactor.Redact(text);

        private static bool IsDeltaExpired(ODataError e) =>
            e.ResponseStatusCode == 410
            || (e.ResponseStatusCode == 400 && string.Equals(e.Error?.Code, "syncStateNotFound", StringComparison.OrdinalIgnoreCase));

        private static readonly System.Text.RegularExpressions.Regex AadError =
            new System.Text.RegularExpressions.Regex(@"AADSTS\d+:.*?(?=\s*Trace ID:|$)", System.Text.RegularExpressions.RegexOptions.Singleline);

        /// <summary>The Entra error (AADSTS code and text) from anywhere in the chain, else the first line. Requests hold no secret.</summary>
        internal static string Describe(Exception e)
        {
            for (var x = e; x != null; x = x.InnerException)
            {
                var m = AadError.Match(x.Message);
                if (m.Success) return m.Value.Trim();
            }

            var inner = e.InnerException != null ? FirstLine(e.InnerException.Message) : null;
            return FirstLine(e.Message) + (string.IsNullOrEmpty(inner) ? string.Empty : " " + inner);
        }

        private static string FirstLine(string message)
        {
            var i = message.IndexOf('\n');
            return (i < 0 ? message : message.Substring(0, i)).Trim();
        }
    }

    /// <summary>A delta link Graph no longer knows (400 syncStateNotFound, 410 Gone): the caller falls back to a full read.</summary>
    internal sealed class DeltaExpiredException : Exception
    {
        public DeltaExpiredException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
