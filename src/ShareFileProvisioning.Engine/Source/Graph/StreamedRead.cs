using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// Graph reads whose answer is read from its body by the engine (a <see cref="StreamedPage{T}"/>) instead of the
    /// SDK's model: the SDK still builds, signs, retries and sends the request; a failed answer is still thrown as the
    /// SDK's <see cref="ODataError"/>, which <see cref="GraphCall"/> translates.
    /// </summary>
    internal static class StreamedRead
    {
        /// <summary>Sends a request built by the SDK with this read as its response handler; returns what <paramref name="read"/> made.</summary>
        public static async Task<T> GetAsync<T>(Func<Stream, T> read, Func<IRequestOption, Task> send)
        {
            var handler = new Handler<T>(read);
            await send(new ResponseHandlerOption { ResponseHandler = handler }).ConfigureAwait(false);
            return handler.Result;
        }

        /// <summary>A successful answer's body handed to <paramref name="read"/>; a failed one thrown as <see cref="ODataError"/>.</summary>
        public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string operation, Func<Stream, T> read)
        {
            using (response)
            {
                if (!response.IsSuccessStatusCode) throw await ErrorAsync(response).ConfigureAwait(false);
                try
                {
                    using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                        return read(body);
                }
                catch (Newtonsoft.Json.JsonException e)
                {
                    throw new SourceException($"Microsoft Graph answered {operation} with a body that is not the expected JSON: {e.Message}", (int)response.StatusCode, null, e);
                }
            }
        }

        private static async Task<ODataError> ErrorAsync(HttpResponseMessage response)
        {
            var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            ODataError error = null;
            if (text.Length > 0 && string.Equals(response.Content.Headers.ContentType?.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(text)))
                    {
                        var node = await ParseNodeFactoryRegistry.DefaultInstance.GetRootParseNodeAsync("application/json", stream).ConfigureAwait(false);
                        error = node.GetObjectValue(ODataError.CreateFromDiscriminatorValue);
                    }
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not Graph's error shape: the status alone says what failed.
                }
            }

            error = error ?? new ODataError();
            error.ResponseStatusCode = (int)response.StatusCode;
            return error;
        }

        private sealed class Handler<T> : IResponseHandler
        {
            private readonly Func<Stream, T> _read;

            public Handler(Func<Stream, T> read)
            {
                _read = read;
            }

            public T Result { get; private set; }

            public async Task<TModel> HandleResponseAsync<TNative, TModel>(TNative response, Dictionary<string, ParsableFactory<IParsable>> errorMappings)
            {
                var message = response as HttpResponseMessage ?? throw new InvalidOperationException("The Graph SDK handed over no HTTP response.");
                Result = await ReadAsync(message, message.RequestMessage?.RequestUri?.AbsolutePath, _read).ConfigureAwait(false);
                return default;
            }
        }
    }
}
