using System;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Http;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// The one Graph pager: follows @odata.nextLink to the end, each link checked by <see cref="PageLinkGuard"/>
    /// (same origin as the configured Graph base, never the same link twice) before it is requested.
    /// </summary>
    internal sealed class GraphPager
    {
        private readonly Uri _graphBaseUri;

        public GraphPager(Uri graphBaseUri)
        {
            _graphBaseUri = graphBaseUri;
        }

        /// <summary>
        /// Reads the first page, hands each page to <paramref name="consume"/> (false = stop early) and follows its next
        /// link. <paramref name="firstLink"/> is the URL the first page was read from when the caller knows it (a stored
        /// delta link): it is checked too, and counts as seen. Returns the last page read.
        /// </summary>
        public async Task<TPage> ReadAsync<TPage>(
            string operation, string permission, string firstLink, Func<Task<TPage>> first, Func<string, Task<TPage>> next,
            Func<TPage, string> nextLinkOf, Func<TPage, bool> consume)
            where TPage : class
        {
            var guard = new PageLinkGuard(_graphBaseUri, "Microsoft Graph", m => new SourceException($"{m} ({operation})"));
            Uri current = null;
            if (firstLink != null) guard.First(current = CheckStored(firstLink, operation));
            var page = await GraphCall.Run(operation, permission, first).ConfigureAwait(false);
            while (page != null && consume(page))
            {
                var link = nextLinkOf(page);
                if (link == null) break;
                current = guard.Next(current, link);
                var url = current.AbsoluteUri;
                page = await GraphCall.Run(operation, permission, () => next(url)).ConfigureAwait(false);
            }

            return page;
        }

        /// <summary>A deltaLink Graph handed back, checked before it is stored: it must come back to this origin next cycle.</summary>
        public string ToStore(string deltaLink, string operation)
        {
            if (deltaLink != null) CheckStored(deltaLink, operation, "Microsoft Graph returned a delta link");
            return deltaLink;
        }

        private Uri CheckStored(string link, string operation, string what = "A stored link points")
        {
            Uri.TryCreate(link, UriKind.Absolute, out var uri);
            var problem = PageLinkGuard.ForeignOriginProblem(uri, _graphBaseUri, what);
            if (problem != null) throw new StoredLinkRejectedException($"{problem} ({operation})");
            return uri;
        }
    }
}
