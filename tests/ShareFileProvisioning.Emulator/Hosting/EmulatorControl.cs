namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>Fault injection, fixed latency and the request log shared by the ShareFile and Graph routes.</summary>
public sealed class EmulatorControl
{
    // Filled in with the fault, latency and request-log controls.
}
