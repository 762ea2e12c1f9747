using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Where the source watermark of a profile is kept (delta links plus the assignment/group snapshot the incremental read diffs against).</summary>
    public interface ISourceWatermarkStore
    {
        /// <summary>The stored watermark, or null before the first cycle.</summary>
        Task<SourceWatermark> LoadAsync(CancellationToken cancellationToken);

        Task SaveAsync(SourceWatermark watermark, CancellationToken cancellationToken);
    }

    /// <summary>
    /// Adapter until <see cref="IStateStore"/> holds the whole <see cref="SourceWatermark"/> (its DeltaLinks and
    /// AssignmentSnapshot lack the group members, disabled and soft-deleted ids the incremental read needs):
    /// source-watermark.json in the profile's state folder, written atomically.
    /// </summary>
    public sealed class FileSourceWatermarkStore : ISourceWatermarkStore
    {
        public const string FileName = "source-watermark.json";

        public FileSourceWatermarkStore(string stateDirectory)
        {
            if (string.IsNullOrWhiteSpace(stateDirectory)) throw new ArgumentException("A state folder is required.", nameof(stateDirectory));
            Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(stateDirectory), FileName);
        }

        public string Path { get; }

        public Task<SourceWatermark> LoadAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(Path)) return Task.FromResult<SourceWatermark>(null);
            using (var stream = File.OpenRead(Path))
            {
                try
                {
                    return Task.FromResult(StateJson.Read<SourceWatermark>(stream));
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    throw new InvalidDataException($"The source watermark '{Path}' is unreadable ({e.Message}); delete it to start with an initial cycle.", e);
                }
            }
        }

        public Task SaveAsync(SourceWatermark watermark, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path));
            return AtomicFile.WriteAsync(Path, (stream, ct) =>
            {
                StateJson.Write(stream, watermark);
                return Task.CompletedTask;
            }, cancellationToken);
        }
    }
}
