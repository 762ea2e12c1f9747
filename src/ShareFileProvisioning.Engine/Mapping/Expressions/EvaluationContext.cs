using System;
using System.Security.Cryptography;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// Time and randomness for Now(), Guid() and RandomString(): injected so tests (and a planning run that wants
    /// one "now" per cycle) are deterministic. Thread-safe; one instance may serve parallel evaluations.
    /// </summary>
    public sealed class EvaluationContext
    {
        private readonly Func<DateTimeOffset> _utcNow;
        private readonly Func<Guid> _newGuid;
        private readonly Func<int, int> _nextRandom;

        /// <param name="utcNow">Clock; default <see cref="DateTimeOffset.UtcNow"/>.</param>
        /// <param name="newGuid">GUID source; default <see cref="Guid.NewGuid"/>.</param>
        /// <param name="nextRandom">Returns a uniform integer in [0, max); default a cryptographic generator
        /// (RandomString is used for initial passwords).</param>
        public EvaluationContext(Func<DateTimeOffset> utcNow = null, Func<Guid> newGuid = null, Func<int, int> nextRandom = null)
        {
            _utcNow = utcNow ?? (() => DateTimeOffset.UtcNow);
            _newGuid = newGuid ?? Guid.NewGuid;
            _nextRandom = nextRandom ?? CryptoNext;
        }

        /// <summary>Real clock, real randomness.</summary>
        public static EvaluationContext Default { get; } = new EvaluationContext();

        /// <summary>A fixed clock and a seeded generator (for GUIDs too): same seed, same results.</summary>
        public static EvaluationContext CreateDeterministic(DateTimeOffset utcNow, int seed)
        {
            var random = new Random(seed);
            var gate = new object();
            return new EvaluationContext(
                () => utcNow,
                () =>
                {
                    var bytes = new byte[16];
                    lock (gate) random.NextBytes(bytes);
                    return new Guid(bytes);
                },
                max =>
                {
                    lock (gate) return random.Next(max);
                });
        }

        public DateTimeOffset UtcNow => _utcNow().ToUniversalTime();

        public Guid NewGuid() => _newGuid();

        /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
        public int NextRandom(int maxExclusive)
        {
            if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive));
            var n = _nextRandom(maxExclusive);
            if (n < 0 || n >= maxExclusive) throw new InvalidOperationException("The random source returned a value out of range.");
            return n;
        }

        private static readonly RandomNumberGenerator Rng = RandomNumberGenerator.Create();
        private static readonly object RngGate = new object();

        private static int CryptoNext(int maxExclusive)
        {
            // Rejection sampling keeps the distribution uniform.
            var buffer = new byte[4];
            var limit = uint.MaxValue - (uint.MaxValue % (uint)maxExclusive);
            while (true)
            {
                lock (RngGate) Rng.GetBytes(buffer);
                var value = BitConverter.ToUInt32(buffer, 0);
                if (value < limit) return (int)(value % (uint)maxExclusive);
            }
        }
    }
}
