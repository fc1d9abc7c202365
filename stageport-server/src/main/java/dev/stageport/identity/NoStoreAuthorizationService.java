package dev.stageport.identity;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Client-credentials tokens are self-contained JWTs checked by signature, so there
 * is nothing to remember about them. The library's in-memory default would keep
 * every token ever issued, growing without bound.
 */
class NoStoreAuthorizationService implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
