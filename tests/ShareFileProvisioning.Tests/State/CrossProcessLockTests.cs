using System.Diagnostics;
using System.IO;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.Configuration;

namespace ShareFileProvisioning.Tests.State
{
    /// <summary>
    /// The file lock between real processes: a child pwsh takes the lock through the engine, this process must fail
    /// fast naming the child, and once the child is killed (no clean release) the lock must be free again.
    /// </summary>
    public sealed class CrossProcessLockTests : IDisposable
    {
        private readonly TempDirectory _dir = new TempDirectory();

        public void Dispose() => _dir.Dispose();

        [Fact]
        public async Task A_lock_held_by_another_process_fails_fast_naming_it_and_is_taken_over_after_that_process_dies()
        {
            var repoRoot = FindRepoRoot();
            var bin = AppContext.BaseDirectory;
            var script =
                $"Add-Type -Path '{Path.Combine(bin, "Microsoft.Bcl.AsyncInterfaces.dll")}'; " +
                $"Add-Type -Path '{Path.Combine(bin, "Newtonsoft.Json.dll")}'; " +
                $"Add-Type -Path '{Path.Combine(bin, "ShareFileProvisioning.Engine.dll")}'; " +
                $"$l = [ShareFileProvisioning.Engine.State.FileStateStore]::new('{_dir.Path}').AcquireLockAsync([Threading.CancellationToken]::None).GetAwaiter().GetResult(); " +
                "Start-Sleep -Seconds 120";
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, UseShellExecute = false };
            foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script }) psi.ArgumentList.Add(a);
            using var child = Process.Start(psi);
            try
            {
                // The holder file appears once the child holds the lock (its stdout may be buffered until exit).
                var holderFile = Path.Combine(_dir.Path, "state.lock.holder");
                var watch = Stopwatch.StartNew();
                while (!File.Exists(holderFile) && !child.HasExited && watch.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(100);
                await Task.Delay(200); // let the child finish writing the holder file
                Assert.False(child.HasExited, "The child pwsh exited before taking the lock.");
                Assert.True(File.Exists(holderFile), "The child did not take the lock within 90 s.");

                var e = await Assert.ThrowsAsync<StateLockedException>(() => new FileStateStore(_dir.Path).AcquireLockAsync(default));
                Assert.NotNull(e.Holder);
                Assert.NotEqual(Environment.ProcessId, e.Holder.ProcessId);
                Assert.Contains("process " + e.Holder.ProcessId, e.Message);
                Assert.False(child.HasExited, "The child must still hold the lock when the second holder is refused.");

                // Killed, not disposed: the lock file stays behind, but the OS lock dies with the process. "dotnet pwsh"
                // may run pwsh as a grandchild, so wait until the holder is really gone.
                child.Kill(true);
                await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                watch.Restart();
                while (IsAlive(e.Holder.ProcessId) && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
                Assert.False(IsAlive(e.Holder.ProcessId), "The lock holder did not die.");

                await using var taken = await new FileStateStore(_dir.Path).AcquireLockAsync(default);
                Assert.Equal(Environment.ProcessId, taken.Holder.ProcessId);
            }
            finally
            {
                if (!child.HasExited) child.Kill(true);
            }
        }

        private static bool IsAlive(int processId)
        {
            try
            {
                using var p = Process.GetProcessById(processId);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("The repository root (with .config/dotnet-tools.json) was not found above " + AppContext.BaseDirectory);
        }
    }
}
