using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The emulator as a process (build.ps1 Demo, Pester) ends on SIGTERM and SIGINT and frees its port.</summary>
public sealed class EmulatorSignalTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task The_emulator_process_stops_cleanly_on_the_signal_and_frees_its_port(int signal)
    {
        if (OperatingSystem.IsWindows()) return; // POSIX signals; the CI and the other runs are Linux
        var dll = Path.Combine(AppContext.BaseDirectory, "ShareFileProvisioning.Emulator.dll");
        // A process started in the background by a non-interactive shell inherits SIGINT as ignored (and .NET keeps it so,
        // as nohup expects): start the emulator with the signal's default disposition, as a terminal or a script would.
        var psi = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--default-signal=INT", "dotnet", dll, "--port", "0" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var port = int.Parse(Regex.Match(line ?? "", @"Listening on http://127\.0\.0\.1:(\d+)/").Groups[1].Value);

            Assert.Equal(0, kill(process.Id, signal));
            var exited = process.WaitForExit(20000);

            Assert.True(exited, $"The emulator ignored signal {signal}.");
            Assert.Equal(0, process.ExitCode);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start(); // throws when an orphan still holds the port
            listener.Stop();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(true);
                process.WaitForExit(10000);
            }
        }
    }
}
