using System;
using ShareFileProvisioning.Engine.Http;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>
    /// Links the module wrote and reads back (delta links in the state, the links a saved plan carries) are data anyone
    /// with write access to the state or the plan could change: each must point at the configured Graph origin, checked
    /// before the first request of a cycle. docs/safety.md.
    /// </summary>
    public static class StoredLinkCheck
    {
        /// <summary>The stored watermark's delta links, before an incremental read starts.</summary>
        public static void Watermark(SourceWatermark watermark, Uri graphBaseUri)
        {
            if (watermark == null) return;
            var where = $"{StateDocumentName.SourceWatermark} in the profile's state";
            Check(watermark.UsersDeltaLink, graphBaseUri, $"The users delta link stored in {where}");
            Check(watermark.GroupsDeltaLink, graphBaseUri, $"The groups delta link stored in {where}");
        }

        /// <summary>
        /// Every link in a saved plan's basis. A pipeline source sends nothing to Graph; a link it carries into the state
        /// is checked by <see cref="Watermark"/> before a later Entra cycle would use it.
        /// </summary>
        public static void Plan(ProvisioningPlan plan, IProvisioningSource source)
        {
            var basis = plan?.Basis;
            var graph = (source as EntraSource)?.GraphBaseUri;
            if (basis == null || graph == null) return;
            Check(basis.UsersDeltaLinkUsed, graph, $"The saved plan {plan.PlanId}'s basis.usersDeltaLinkUsed");
            Check(basis.GroupsDeltaLinkUsed, graph, $"The saved plan {plan.PlanId}'s basis.groupsDeltaLinkUsed");
            Check(basis.NextWatermark?.UsersDeltaLink, graph, $"The saved plan {plan.PlanId}'s basis.nextWatermark.usersDeltaLink");
            Check(basis.NextWatermark?.GroupsDeltaLink, graph, $"The saved plan {plan.PlanId}'s basis.nextWatermark.groupsDeltaLink");
        }

        private static void Check(string link, Uri graphBaseUri, string what)
        {
            if (link == null) return;
            Uri.TryCreate(link, UriKind.Absolute, out var uri);
            var problem = PageLinkGuard.ForeignOriginProblem(uri, graphBaseUri, $"{what} points");
            if (problem != null) throw new StoredLinkRejectedException(problem);
        }
    }
}
