using System.Collections.Generic;
using ShareFileProvisioning.Engine.Mapping;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class SourceObjectTests
    {
        [Fact]
        public void Names_are_case_insensitive_and_values_are_normalised()
        {
            var user = new SourceObject()
                .Set("givenName", "Ada")
                .Set("employeeNumber", 7)
                .Set("created", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified))
                .Set("proxyAddresses", new List<string> { "a", "b" });

            Assert.True(user.TryGetValue("GIVENNAME", out var name));
            Assert.Equal("Ada", name);
            user.TryGetValue("employeenumber", out var number);
            Assert.IsType<long>(number);
            user.TryGetValue("created", out var created);
            Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), created);
            user.TryGetValue("proxyAddresses", out var proxies);
            Assert.Equal(new[] { "a", "b" }, Assert.IsAssignableFrom<IReadOnlyList<string>>(proxies));
        }

        [Fact]
        public void IsSoftDeleted_is_always_present_and_settable_as_an_attribute()
        {
            var user = new SourceObject();
            Assert.True(user.TryGetValue("issoftdeleted", out var value));
            Assert.Equal(false, value);
            user.Set("IsSoftDeleted", true);
            Assert.True(user.IsSoftDeleted);
        }

        [Fact]
        public void Null_removes_an_attribute()
        {
            var user = new SourceObject().Set("mail", "a@b.c").Set("mail", null);
            Assert.False(user.TryGetValue("mail", out _));
        }

        [Fact]
        public void Unsupported_value_type_names_the_attribute()
        {
            var e = Assert.Throws<ArgumentException>(() => new SourceObject().Set("weight", 1.5));
            Assert.Contains("Attribute 'weight' has a value of type Double", e.Message);
        }
    }
}
