using System.Collections.Generic;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// What ShareFile requires of the values the plan would send, checked before anything is planned: a create needs a
    /// first and a last name, no name may be emptied, and no text value may be too long or carry unsafe characters. A
    /// user that is certain to fail is skipped with the attribute named, never sent and never queued for a retry.
    /// </summary>
    internal static class TargetValueCheck
    {
        public sealed class Problem
        {
            public SkipReason Reason;
            public string Message;
        }

        public static Problem Find(IReadOnlyList<MappedValue> values, bool create, string who)
        {
            var first = false;
            var last = false;
            foreach (var v in values)
            {
                if (!IsText(v.Target)) continue;
                var text = v.ShouldWrite ? v.Value as string : null;
                if (v.Target == TargetAttribute.FirstName) first = !string.IsNullOrWhiteSpace(text);
                if (v.Target == TargetAttribute.LastName) last = !string.IsNullOrWhiteSpace(text);
                if (text == null) continue;
                if (v.Target == TargetAttribute.Email)
                {
                    if (!TargetValues.IsValidEmail(text.Trim()))
                        return Skip(SkipReason.InvalidEmail, v.IsRedacted
                            ? $"The Email mapping for {who} gives no valid address."
                            : $"The Email mapping for {who} gives '{UnsafeText.Neutralize(text)}', which is not a single valid address.");
                    continue;
                }
                if ((v.Target == TargetAttribute.FirstName || v.Target == TargetAttribute.LastName) && string.IsNullOrWhiteSpace(text))
                    return Skip(SkipReason.MissingRequiredAttribute, $"The {v.Target} mapping gives an empty value for {who}; ShareFile refuses an empty {v.Target}.");
                var unsafeChar = UnsafeText.Find(text);
                if (unsafeChar != null)
                    return Skip(SkipReason.InvalidAttributeValue, $"The {v.Target} value of {who} contains {unsafeChar}; it is not sent.");
                var max = v.Target == TargetAttribute.Email ? TargetValues.MaxEmailLength : TargetValues.MaxNameLength;
                if (text.Length > max)
                    return Skip(SkipReason.InvalidAttributeValue, $"The {v.Target} value of {who} has {text.Length} characters; ShareFile accepts at most {max}.");
            }
            if (create && !first) return Skip(SkipReason.MissingRequiredAttribute, $"{who} has no FirstName value; ShareFile needs a first name to create a user.");
            if (create && !last) return Skip(SkipReason.MissingRequiredAttribute, $"{who} has no LastName value; ShareFile needs a last name to create a user.");
            return null;
        }

        private static bool IsText(TargetAttribute t) =>
            t == TargetAttribute.Email || t == TargetAttribute.FirstName || t == TargetAttribute.LastName || t == TargetAttribute.Company;

        private static Problem Skip(SkipReason reason, string message) => new Problem { Reason = reason, Message = message };
    }
}
