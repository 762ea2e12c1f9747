using System;
using System.Globalization;
using System.IO;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>
/// How feeds are rendered: whether elements carry IsDisabled/LastAnyLogin, and the server page size (docs/sharefile-api.md, 'Server-driven paging').
/// A seed that leaves a switch out takes it from the environment, so a whole test run can be repeated in the
/// stricter mode without touching any test: SFP_EMULATOR_OMIT_FEED_STATE=1, SFP_EMULATOR_PAGE_SIZE=7.
/// </summary>
public sealed record FeedSettings(bool OmitFeedState, int? ServerPageSize)
{
    public const string OmitFeedStateVariable = "SFP_EMULATOR_OMIT_FEED_STATE";
    public const string PageSizeVariable = "SFP_EMULATOR_PAGE_SIZE";

    public static FeedSettings From(ShareFileSeed seed)
    {
        var omit = seed.OmitFeedState ?? EnvironmentFlag(OmitFeedStateVariable);
        var pageSize = seed.ServerPageSize ?? EnvironmentInt(PageSizeVariable);
        if (pageSize is < 0) throw new InvalidDataException($"ShareFile seed: serverPageSize {pageSize} must be positive (0 = no server paging).");
        return new FeedSettings(omit, pageSize is > 0 ? pageSize : null);
    }

    private static bool EnvironmentFlag(string name) =>
        Environment.GetEnvironmentVariable(name)?.Trim().ToLowerInvariant() is "1" or "true" or "yes";

    private static int? EnvironmentInt(string name)
    {
        var raw = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InvalidDataException($"{name}='{raw}' is not a non-negative integer.");
    }
}
