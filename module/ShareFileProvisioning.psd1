@{
    RootModule           = 'ShareFileProvisioning.dll'
    # Stamped by build.ps1 from <Version> in Directory.Build.props, the one place the version is kept.
    ModuleVersion        = '0.0.0'
    GUID                 = '5b3f0d57-9c1e-4f3a-8d2e-7a4c1b9e6f20'
    Author               = 'ShareFileProvisioning contributors'
    CompanyName          = 'ShareFileProvisioning'
    Copyright            = '(c) ShareFileProvisioning contributors. MIT License.'
    Description          = 'Provisions and de-provisions users and distribution groups from Microsoft Entra ID into Citrix ShareFile through the ShareFile REST API v3: plan, review, sync, with safety rails.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    # No NestedModules or RequiredAssemblies: they would load before the module initializer wires the load context.
    FormatsToProcess     = @('ShareFileProvisioning.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-ShareFileAccountReport'
        'Connect-ShareFile'
        'Disconnect-ShareFile'
        'Test-ShareFileConnection'
        'Get-ShareFileUser'
        'Get-ShareFileGroup'
        'Connect-ProvisioningSource'
        'Disconnect-ProvisioningSource'
        'Test-ProvisioningSource'
        'Get-ProvisioningScope'
        'Get-ShareFileProvisioningConfiguration'
        'Set-ShareFileProvisioningConfiguration'
        'Set-ShareFileGroupProvisioning'
        'Get-ShareFileGroupProvisioning'
        'Set-ShareFileAttributeMapping'
        'Remove-ShareFileAttributeMapping'
        'Add-ShareFileScopingFilter'
        'Remove-ShareFileScopingFilter'
        'Export-ShareFileProvisioningConfiguration'
        'Import-ShareFileProvisioningConfiguration'
        'Test-ShareFileAttributeMapping'
        'Get-ShareFileProvisioningLog'
        'Get-ShareFileProvisioningStatus'
        'Send-ShareFileProvisioningTestNotification'
        'Get-ProvisioningPlan'
        'New-ShareFileStateStoreConnection'
        'Invoke-ShareFileSync'
        'Reset-ShareFileProvisioningState'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('ShareFile', 'Citrix', 'Entra', 'EntraID', 'AzureAD', 'Provisioning', 'Identity', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/sharefileprovisioning/ShareFileProvisioning'
            LicenseUri   = 'https://github.com/sharefileprovisioning/ShareFileProvisioning/blob/main/LICENSE'
            ReleaseNotes = 'Entra ID to ShareFile provisioning: plan (Get-ProvisioningPlan), sync (Invoke-ShareFileSync) with safety rails, group provisioning, provisioning logs and status, Azure Blob state for runbooks, outbound proxy support (-Proxy, -ProxyCredential, -ProxyUseDefaultCredentials). Installable with Install-PSResource or as an Azure Automation module zip.'
        }
    }
}
