using System.Globalization;
using System.Text;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>
    /// NormalizeDiacritics(source): letters with accents → plain letters (Zoë → Zoe). Canonical decomposition
    /// removes combining marks; the letters that do not decompose are mapped per Entra's table
    /// (æ → ae, ø/œ → oe, ß → ss, ł → l, ı → i, and their capitals).
    /// </summary>
    internal sealed class NormalizeDiacriticsFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            return s == null ? null : Normalize(s);
        }

        internal static string Normalize(string s)
        {
            // Fast path: plain ASCII needs no work (the usual case for most names).
            var ascii = true;
            foreach (var ch in s)
            {
                if (ch > 0x7F)
                {
                    ascii = false;
                    break;
                }
            }
            if (ascii) return s;

            var decomposed = s.Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                switch (c)
                {
                    case 'æ': sb.Append("ae"); break;
                    case 'Æ': sb.Append("AE"); break;
                    case 'ø': case 'œ': sb.Append("oe"); break;
                    case 'Ø': case 'Œ': sb.Append("OE"); break;
                    case 'ß': sb.Append("ss"); break;
                    case 'ł': sb.Append('l'); break;
                    case 'Ł': sb.Append('L'); break;
                    case 'ı': sb.Append('i'); break;
                    case 'đ': sb.Append('d'); break;
                    case 'Đ': sb.Append('D'); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString().Normalize(NormalizationForm.FormC);
        }
    }
}
