namespace ShareFileProvisioning.Emulator;

/// <summary>How to start the emulator host: where it listens and what it is seeded with.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback address only: the emulator is a test fixture, never a network service.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port; read the chosen one from <see cref="EmulatorServer.BaseUri"/>.</summary>
    public int Port { get; set; }

    /// <summary>ShareFile seed file (JSON). Null = the built-in default seed.</summary>
    public string ShareFileSeedPath { get; set; }

    /// <summary>In-process alternative to <see cref="ShareFileSeedPath"/> (e.g. a generated 100,000-user seed); wins when set.</summary>
    public ShareFile.ShareFileSeed ShareFileSeed { get; set; }

    /// <summary>Graph (Entra) seed file (JSON). Null = the built-in default seed.</summary>
    public string GraphSeedPath { get; set; }
}
