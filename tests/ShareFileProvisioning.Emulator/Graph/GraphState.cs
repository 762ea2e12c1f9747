namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>The emulated Entra tenant: users, groups, the ShareFile service principal, assignments, delta state.</summary>
public sealed class GraphState
{
    public static GraphState Load(string seedPath) => new GraphState();
}
