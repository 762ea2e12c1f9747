using Microsoft.AspNetCore.Builder;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>/oauth/token and /sf/v3/… routes.</summary>
public static class ShareFileEndpoints
{
    public static void Map(WebApplication app, ShareFileState state)
    {
    }
}
