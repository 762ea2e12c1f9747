using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>
    /// Crash-safe file replacement: write a temp file next to the target, flush it to disk, then rename over the
    /// target. A crash leaves either the old file or the new one, plus at worst a stray "*.tmp" that readers ignore.
    /// </summary>
    internal static class AtomicFile
    {
        public const string TempSuffix = ".tmp";

        /// <summary>The version a write replaced, kept beside state documents so a damaged one can be restored.</summary>
        public const string PreviousSuffix = ".previous";

        public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken, bool keepPrevious = false)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + TempSuffix);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                {
                    await write(stream, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    stream.Flush(true); // to disk, not just the OS cache: the rename must never expose a half-written file
                }
                cancellationToken.ThrowIfCancellationRequested();
                Replace(temp, path, keepPrevious);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken) =>
            WriteAsync(path, async (stream, ct) =>
            {
                var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
                await stream.WriteAsync(bytes, 0, bytes.Length, ct).ConfigureAwait(false);
            }, cancellationToken);

        private static void Replace(string temp, string path, bool keepPrevious)
        {
            if (File.Exists(path))
            {
                // A rename over the target on Unix; ReplaceFile on Windows; the old version kept when asked.
                File.Replace(temp, path, keepPrevious ? path + PreviousSuffix : null, true);
            }
            else
            {
                File.Move(temp, path);
            }
        }

        /// <summary>Removes temp files a crashed writer left in <paramref name="directory"/>.</summary>
        public static void DeleteStrayTempFiles(string directory)
        {
            if (!Directory.Exists(directory)) return;
            foreach (var file in Directory.GetFiles(directory, ".*" + TempSuffix)) TryDelete(file);
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
