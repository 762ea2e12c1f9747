namespace ShareFileProvisioning
{
    /// <summary>ShareFile's two kinds of user: licensed employees and external clients.</summary>
    public enum ShareFileUserType
    {
        Employee,
        Client,
    }
}
