package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class CachingJwtDecoderTest {

    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("client")
                .claim(TokenGenerations.CLAIM, token.startsWith("later") ? 1L : 0L)
                .issuedAt(now.minusSeconds(10)).expiresAt(now.plusSeconds(60)).build();
    };

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(now, ZoneOffset.UTC), new TokenGenerations());
        Jwt first = decoder.decode("good");
        assertThat(decoder.decode("good")).isSameAs(first);
        assertThat(verifications.get()).isEqualTo(1);
    }

    @Test
    void aCachedTokenPastItsExpiryIsRefused() {
        Clock[] clock = {Clock.fixed(now, ZoneOffset.UTC)};
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        }, new TokenGenerations());
        decoder.decode("good");
        clock[0] = Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC);
        assertThatThrownBy(() -> decoder.decode("good")).isInstanceOf(JwtException.class);
    }

    @Test
    void refusedTokensAreNeverCached() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(now, ZoneOffset.UTC), new TokenGenerations());
        assertThatThrownBy(() -> decoder.decode("bad-1")).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-1")).isInstanceOf(JwtException.class);
        assertThat(verifications.get()).isEqualTo(2);
    }

    @Test
    void afterRefusingAllIssuedSoFarACachedEarlierTokenIsRefusedAndALaterOneAccepted() {
        TokenGenerations generations = new TokenGenerations();
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(now, ZoneOffset.UTC), generations);
        decoder.decode("earlier");
        assertThat(decoder.verifiedIfCached("earlier")).isNotNull();

        generations.refuseAllIssuedSoFar();

        assertThat(decoder.verifiedIfCached("earlier")).isNull();
        assertThatThrownBy(() -> decoder.decode("earlier")).isInstanceOf(JwtException.class)
                .hasMessageContaining("issued before the emulator was reset");
        assertThat(decoder.decode("later").getSubject()).isEqualTo("client");
    }

    @Test
    void aVerifiedTokenIsFoundInsideItsAuthorizationHeaderAndOnlyTheSameTextMatches() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(now, ZoneOffset.UTC), new TokenGenerations());
        Jwt verified = decoder.decode("good-token");

        assertThat(decoder.verifiedIfCached("Bearer good-token", "Bearer ".length())).isSameAs(verified);
        assertThat(decoder.verifiedIfCached("Bearer good-tokenX", "Bearer ".length())).isNull();
        assertThat(decoder.verifiedIfCached("Bearer good-toke", "Bearer ".length())).isNull();
        assertThat(decoder.verifiedIfCached("Bearer good-tokeN", "Bearer ".length())).isNull();
        assertThat(decoder.verifiedIfCached("good-token")).isSameAs(verified);
        assertThat(verifications.get()).isEqualTo(1);
    }

    @Test
    void tokenTextsAreEqualByTheirCharactersWhereverTheyStart() {
        CachingJwtDecoder.TokenText alone = new CachingJwtDecoder.TokenText("abc.def", 0);
        CachingJwtDecoder.TokenText inHeader = new CachingJwtDecoder.TokenText("Bearer abc.def", 7);

        assertThat(inHeader).isEqualTo(alone).hasSameHashCodeAs(alone);
        assertThat(new CachingJwtDecoder.TokenText("Bearer abc.deg", 7)).isNotEqualTo(alone);
        assertThat(new CachingJwtDecoder.TokenText("Bearer abc.de", 7)).isNotEqualTo(alone);
    }
}
