using Microsoft.AspNetCore.Builder;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>The test-only control surface under /_emulator/.</summary>
public static class ControlEndpoints
{
    public static void Map(WebApplication app, EmulatorControl control, ShareFileState shareFile, GraphState graph)
    {
    }
}
