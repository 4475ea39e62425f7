package nl.orgcoach.access;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Lets a handler declare a {@link ClientScope} parameter: the {@code clientId} path variable is
 * checked by the {@link ClientGate} for the signed-in user (or the API token's user and client).
 */
@Component
class ClientScopeArgumentResolver implements HandlerMethodArgumentResolver {

  static final String CLIENT_PATH_VARIABLE = "clientId";

  private final ClientGate gate;

  ClientScopeArgumentResolver(ClientGate gate) {
    this.gate = gate;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return ClientScope.class.equals(parameter.getParameterType());
  }

  @Override
  public ClientScope resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>)
            request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    String raw = variables == null ? null : variables.get(CLIENT_PATH_VARIABLE);
    if (raw == null) {
      throw new IllegalStateException(
          "A handler that takes a ClientScope needs a {clientId} path variable: "
              + parameter.getMethod());
    }
    ClientId client;
    try {
      client = ClientId.of(raw);
    } catch (IllegalArgumentException e) {
      throw new nl.orgcoach.platform.NotFoundException("client");
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    UserAccount user = auth != null && auth.getPrincipal() instanceof UserAccount u ? u : null;
    if (auth instanceof ApiTokenAuthentication token && !token.clientId().equals(client)) {
      // A token is scoped to one client, whatever its owner may reach in the UI.
      user = null;
    }
    return gate.enter(user, client);
  }
}
