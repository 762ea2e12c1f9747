namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// Characters a source value must not carry into ShareFile or onto an admin's screen: control characters (CR, LF,
    /// ESC, NUL, …), bidirectional overrides and isolates, and zero-width characters — a crafted name could otherwise
    /// paint a fake line in a console or hide part of an address.
    /// </summary>
    public static class UnsafeText
    {
        /// <summary>A description of the first unsafe character ("U+000A (a control character)"), or null when there is none.</summary>
        public static string Find(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            foreach (var c in text)
            {
                var kind = Kind(c);
                if (kind != null) return $"U+{(int)c:X4} ({kind})";
            }
            return null;
        }

        /// <summary>The text with every unsafe character replaced by U+FFFD, for output and logs; the same string when there is none.</summary>
        public static string Neutralize(string text)
        {
            if (Find(text) == null) return text;
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
                if (Kind(chars[i]) != null) chars[i] = '\uFFFD';
            return new string(chars);
        }

        private static string Kind(char c)
        {
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return "a control character";
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) return "a bidirectional control";
            if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD) return "a zero-width character";
            return null;
        }
    }
}
