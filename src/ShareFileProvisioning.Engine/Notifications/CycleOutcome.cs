namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>What the sync tells the notification service at the end of a cycle.</summary>
    public sealed class CycleOutcome
    {
        public string ProfileName { get; set; }

        public string CycleId { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string CycleType { get; set; }

        /// <summary>Null when the cycle did not quarantine; else Entra's reason (TooManyDeletes, EncounteredQuarantineException …).</summary>
        public string QuarantineReason { get; set; }

        /// <summary>Why, in words (no secrets).</summary>
        public string QuarantineDetails { get; set; }

        /// <summary>Deprovisioning actions held back by the deletion threshold.</summary>
        public int StagedDeletes { get; set; }

        /// <summary>Actions that failed in this cycle.</summary>
        public int Failures { get; set; }

        /// <summary>All actions attempted (for "3 of 120 failed").</summary>
        public int Actions { get; set; }
    }
}
