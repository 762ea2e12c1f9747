namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>One validation problem: the JSON path of the field (e.g. <c>userMappings[2].expression</c>) and what is wrong.</summary>
    public sealed class ConfigurationError
    {
        public ConfigurationError(string field, string problem)
        {
            Field = field;
            Problem = problem;
        }

        public string Field { get; }

        public string Problem { get; }

        public override string ToString() => Field + ": " + Problem;
    }
}
