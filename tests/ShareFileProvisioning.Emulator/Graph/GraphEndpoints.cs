using Microsoft.AspNetCore.Builder;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>/v1.0/… routes (Microsoft Graph).</summary>
public static class GraphEndpoints
{
    public static void Map(WebApplication app, GraphState state)
    {
    }
}
