namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>The emulated ShareFile account: users, groups, tokens. Seeded from JSON.</summary>
public sealed class ShareFileState
{
    public static ShareFileState Load(string seedPath) => new ShareFileState();
}
