package nl.orgcoach.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Dutch and English. The browser's Accept-Language decides until the user picks a language with
 * {@code ?lang=nl|en}; the choice is kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("orgcoach-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setDefaultLocaleFunction(
        request -> {
          for (var range : java.util.Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
              if (supported.getLanguage().equals(range.getLanguage())) {
                return supported;
              }
            }
          }
          return Locale.ENGLISH;
        });
    return resolver;
  }

  /**
   * Switched off: Spring Boot registers this filter because the webjars locator turns the resource
   * chain on, and it then runs every link of every page through the static-resource resolvers to
   * add versions OrgCoach does not use. For a link that is not a static file that is a miss in
   * every resource location, each time: a third of the rendering of a 500-question inbox. The
   * version-free webjar links (/webjars/bootstrap/dist/...) are resolved when they are requested.
   */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
