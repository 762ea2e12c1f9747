using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>Inline SVG bar charts for the HTML report (no script, no external resource).</summary>
    internal static class SvgCharts
    {
        private const int Width = 520;
        private const int Bar = 26;
        private const int Label = 170;

        /// <summary>One horizontal bar per (label, value), scaled to the largest; each bar carries data-label and data-value.</summary>
        public static string Bars(string id, string title, IReadOnlyList<(string Label, int Value, string Colour)> bars, int? scaleTo = null)
        {
            var max = Math.Max(1, scaleTo ?? (bars.Count == 0 ? 1 : bars.Max(b => b.Value)));
            var height = bars.Count * (Bar + 8) + 8;
            var svg = new StringBuilder();
            svg.Append($"<svg id=\"{id}\" role=\"img\" aria-label=\"{Html(title)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
            svg.Append($"<title>{Html(title)}</title>");
            for (var i = 0; i < bars.Count; i++)
            {
                var (label, value, colour) = bars[i];
                var y = 8 + i * (Bar + 8);
                var w = (int)Math.Round((Width - Label - 60) * (double)value / max);
                svg.Append($"<g class=\"bar\" data-label=\"{Html(label)}\" data-value=\"{value.ToString(CultureInfo.InvariantCulture)}\">");
                svg.Append($"<text x=\"0\" y=\"{y + 18}\" font-size=\"13\">{Html(label)}</text>");
                svg.Append($"<rect x=\"{Label}\" y=\"{y}\" width=\"{Math.Max(w, value > 0 ? 2 : 0)}\" height=\"{Bar}\" fill=\"{colour}\"></rect>");
                svg.Append($"<text x=\"{Label + w + 6}\" y=\"{y + 18}\" font-size=\"13\">{value.ToString("N0", CultureInfo.InvariantCulture)}</text>");
                svg.Append("</g>");
            }
            svg.Append("</svg>");
            return svg.ToString();
        }

        public static string Html(string text) => WebUtility.HtmlEncode(text ?? "");
    }
}
