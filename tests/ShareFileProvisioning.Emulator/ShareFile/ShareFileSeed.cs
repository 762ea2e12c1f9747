using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>The ShareFile seed file (format: seeds/README.md). Property names are read case-insensitively.</summary>
public sealed class ShareFileSeed
{
    public SeedAccount Account { get; set; } = new();
    public SeedOAuthClient OAuth { get; set; } = new();
    /// <summary>Access-token lifetime (expires_in); small values let tests force a refresh.</summary>
    public int TokenLifetimeSeconds { get; set; } = 28800;
    /// <summary>True = feed elements carry neither IsDisabled nor LastAnyLogin (as the .NET SDK's Contact model); null = SFP_EMULATOR_OMIT_FEED_STATE.</summary>
    public bool? OmitFeedState { get; set; }
    /// <summary>Most items one GET feed page holds, $top or not (each page then carries odata.nextLink); 0 = no cap; null = SFP_EMULATOR_PAGE_SIZE.</summary>
    public int? ServerPageSize { get; set; }
    public SeedUser Admin { get; set; }
    public List<SeedUser> Users { get; set; } = new();
    public List<SeedGroup> Groups { get; set; } = new();

    public static ShareFileSeed FromJson(string json) =>
        JsonConvert.DeserializeObject<ShareFileSeed>(json, new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
        ?? throw new InvalidDataException("ShareFile seed is empty.");

    /// <summary>A fresh copy of seeds/sharefile-default.json, to modify before use.</summary>
    public static ShareFileSeed Default() => FromFile(ShareFileState.ResolveSeedPath(null));

    public static ShareFileSeed FromFile(string path)
    {
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"ShareFile seed '{path}' is not valid: {e.Message}", e);
        }
    }
}

public sealed class SeedAccount
{
    public string Id { get; set; }
    public string Subdomain { get; set; } = "acme";
    public string Company { get; set; } = "Acme";
    public string Appcp { get; set; } = "sharefile.com";
    public string Apicp { get; set; } = "sf-api.com";
    public string PlanName { get; set; } = "Enterprise";
    /// <summary>Employee licence cap; null = unlimited.</summary>
    public int? UserMax { get; set; } = 50;
    public SeedAccountPreferences Preferences { get; set; } = new();
}

public sealed class SeedAccountPreferences
{
    public bool UseStrictEmployeeDefinition { get; set; }
    /// <summary>One string, comma-separated (the separator is undocumented; our decision), e.g. "acme.com,acme.co.uk".</summary>
    public string EmployeeEmailDomains { get; set; }
    public bool AdminIsSuperUser { get; set; }
    public bool EnableSSO { get; set; }
    public bool EnableTwoFactorAuth { get; set; }
}

public sealed class SeedOAuthClient
{
    public string ClientId { get; set; } = "sfp-demo-client";
    public string ClientSecret { get; set; } = "sfp-demo-secret";
}

public sealed class SeedUser
{
    public string Id { get; set; }
    public string Email { get; set; }
    /// <summary>Set = this user can obtain tokens (password grant).</summary>
    public string Password { get; set; }
    public string FirstName { get; set; }
    public string LastName { get; set; }
    public string Company { get; set; }
    /// <summary>"Employee" or "Client"; default Employee.</summary>
    public string Type { get; set; }
    public bool Disabled { get; set; }
    public bool IsAdministrator { get; set; }
    /// <summary>Null = the default set for the type (admin: every role the connection test asks for).</summary>
    public List<string> Roles { get; set; }
    /// <summary>Number of items (files/folders) the user owns; only moved or lost on a hard delete.</summary>
    public int Items { get; set; }
    public DateTime? DateCreated { get; set; }
    /// <summary>Security.LastAnyLogin before any sign-in through the emulator; null = never signed in.</summary>
    public DateTime? LastAnyLogin { get; set; }
}

public sealed class SeedGroup
{
    public string Id { get; set; }
    public string Name { get; set; }
    public bool IsShared { get; set; } = true;
    /// <summary>Owner's email; default the admin.</summary>
    public string Owner { get; set; }
    /// <summary>Member emails (or user ids).</summary>
    public List<string> Members { get; set; } = new();
}
