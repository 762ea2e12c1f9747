namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>How a mapping's outcome for one user came about.</summary>
    public enum MappedValueSource
    {
        /// <summary>The mapping produced the value (possibly null: nothing to provision).</summary>
        Mapping,
        /// <summary>The source was null and the default value was used (create only).</summary>
        Default,
        /// <summary>IgnoreFlowIfNullOrEmpty fired: leave the attribute out.</summary>
        FlowIgnored,
        /// <summary>An OnCreateOnly mapping during an update: leave the attribute out.</summary>
        NotApplied,
    }

    /// <summary>
    /// One mapping's result for one user, converted to the target's type: string, bool, long or <see cref="UserKind"/>.
    /// Only <see cref="ShouldWrite"/> values go to ShareFile.
    /// </summary>
    public readonly struct MappedValue
    {
        internal MappedValue(TargetAttribute target, object value, MappedValueSource source, bool isRedacted)
        {
            Target = target;
            Value = value;
            Source = source;
            IsRedacted = isRedacted;
        }

        public TargetAttribute Target { get; }

        /// <summary>string, bool, long or <see cref="UserKind"/>; null when nothing flows.</summary>
        public object Value { get; }

        public MappedValueSource Source { get; }

        /// <summary>The expression used Redact: show "[Redact]" in plans and logs.</summary>
        public bool IsRedacted { get; }

        public bool IsNull => Value == null;

        /// <summary>The same outcome with another value (e.g. a guest's email put right).</summary>
        internal MappedValue WithValue(object value) => new MappedValue(Target, value, Source, IsRedacted);

        /// <summary>A value to write: not null, not flow-ignored, not an OnCreateOnly mapping during update (nulls are never provisioned).</summary>
        public bool ShouldWrite => Value != null && (Source == MappedValueSource.Mapping || Source == MappedValueSource.Default);

        /// <summary>The value as plans and logs may show it.</summary>
        public string ToLogString()
        {
            switch (Source)
            {
                case MappedValueSource.FlowIgnored: return "(flow ignored)";
                case MappedValueSource.NotApplied: return "(create only)";
            }
            if (Value == null) return "null";
            if (IsRedacted) return "[Redact]";
            return Value is bool b ? (b ? "True" : "False") : System.Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        public override string ToString() => $"{Target} = {ToLogString()}";
    }
}
