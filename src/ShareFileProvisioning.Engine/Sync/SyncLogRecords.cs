using System;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>A sync result as one Entra provisioning-log record: the plan's steps, then the export step with the outcome.</summary>
    internal static class SyncLogRecords
    {
        public static ProvisioningLogRecord For(ProvisioningCycleContext cycle, SyncActionResult result)
        {
            var item = result.Item;
            var builder = ProvisioningLogRecord.For(cycle, ActionOf(result))
                .At(result.CompletedAt)
                .Duration(result.Duration)
                .Source(item.SourceId, item.ObjectType == PlanObjectType.Group ? item.SourceAnchor ?? item.DisplayName : item.DisplayName, IdentityType(item), item.ObjectType == PlanObjectType.Group ? null : item.SourceAnchor)
                .Target(result.ShareFileId ?? item.TargetId, item.DisplayName, IdentityType(item), item.ObjectType == PlanObjectType.Group ? null : item.Desired?.Email ?? item.TargetEmail);
            if (!string.IsNullOrEmpty(item.ChangeId)) builder.ChangeId(item.ChangeId);
            foreach (var step in item.Steps ?? new System.Collections.Generic.List<PlanStep>())
                builder.Step((ProvisioningStepType)Enum.Parse(typeof(ProvisioningStepType), step.StepType.ToString()), step.Name,
                    (ProvisioningResult)Enum.Parse(typeof(ProvisioningResult), step.Status.ToString()), step.Description, step.Details);
            builder.Step(ProvisioningStepType.Export, ExportStepName(item.Action), ExportStatus(result.Status), ExportDescription(result));
            foreach (var change in item.Changes ?? new System.Collections.Generic.List<PlanAttributeChange>())
                builder.Modified(change.Attribute, change.OldValue, change.NewValue);
            var unresolved = result.UnresolvedMembers ?? new System.Collections.Generic.List<PlanGroupMember>();
            if (unresolved.Count > 0)
                builder.Step(ProvisioningStepType.ReferenceResolution, "ReferenceResolution", ProvisioningResult.Failure,
                    $"{unresolved.Count} member(s) could not be resolved to ShareFile users and were left out: {GroupMemberNames(unresolved)}.");
            switch (result.Status)
            {
                case SyncActionStatus.Success when unresolved.Count > 0:
                    builder.Warning(UnresolvedCode, $"Group '{item.DisplayName}' was updated without {unresolved.Count} member(s) whose user is not provisioned in ShareFile: {GroupMemberNames(unresolved)}.",
                        "Fix the users' provisioning failures; the next cycle adds them.");
                    break;
                case SyncActionStatus.Failure:
                    builder.Failed(result.ErrorCode ?? "Unknown", result.ErrorMessage, recommendedAction: FailureAdvice.Recommend(result));
                    break;
                case SyncActionStatus.Staged:
                    builder.Skipped("Held back by the deletion threshold until deletes are allowed (Invoke-ShareFileSync -AllowDeletes).", "StagedDelete");
                    break;
                case SyncActionStatus.Skipped:
                    builder.Skipped(result.ErrorMessage, result.ErrorCode);
                    break;
                default:
                    builder.Succeeded();
                    break;
            }
            return builder.Build();
        }

        /// <summary>Entra's code for a member reference that does not resolve to a provisioned target object.</summary>
        public const string UnresolvedCode = "UnableToResolveReferenceAttributeValue";

        private static string IdentityType(PlanItem item) => item.ObjectType == PlanObjectType.Group ? "Group" : "User";

        private static string GroupMemberNames(System.Collections.Generic.List<PlanGroupMember> members) => GroupItemBuilder.Names(members);

        private static ProvisioningAction ActionOf(SyncActionResult result)
        {
            if (result.Status == SyncActionStatus.Staged) return ProvisioningAction.StagedDelete;
            if (result.Item.Action == PlanAction.Skip || result.Item.Action == PlanAction.Conflict) return ProvisioningAction.Other;
            switch (result.Item.Action)
            {
                case PlanAction.Create: return result.AdoptedOnConflict ? ProvisioningAction.Update : ProvisioningAction.Create;
                case PlanAction.CreateGroup: return ProvisioningAction.Create;
                case PlanAction.DeleteGroup: return ProvisioningAction.Delete;
                case PlanAction.UnmanageGroup: return ProvisioningAction.Other;
                case PlanAction.Delete: return ProvisioningAction.Delete;
                case PlanAction.Disable: return ProvisioningAction.Disable;
                default: return ProvisioningAction.Update;
            }
        }

        private static string ExportStepName(PlanAction action) =>
            action == PlanAction.Create || action == PlanAction.CreateGroup ? "EntryExportAdd" : action == PlanAction.Delete || action == PlanAction.DeleteGroup ? "EntryExportDelete" : "EntryExportUpdate";

        private static ProvisioningResult ExportStatus(SyncActionStatus status) =>
            status == SyncActionStatus.Success ? ProvisioningResult.Success
            : status == SyncActionStatus.Failure ? ProvisioningResult.Failure
            : ProvisioningResult.Skipped;

        private static string ExportDescription(SyncActionResult r)
        {
            switch (r.Status)
            {
                case SyncActionStatus.Success:
                    return r.AdoptedOnConflict
                        ? $"The account already existed in ShareFile ({r.ShareFileId}); it was adopted and updated."
                        : $"{r.Item.Action} sent to ShareFile ({r.ShareFileId}).";
                case SyncActionStatus.Failure: return $"ShareFile refused {r.Item.Action}: {r.ErrorMessage}";
                case SyncActionStatus.Staged: return "Not exported: the deletion threshold was exceeded.";
                default: return "Not exported: " + r.ErrorMessage;
            }
        }
    }
}
