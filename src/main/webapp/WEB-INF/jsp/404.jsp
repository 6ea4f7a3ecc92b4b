<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "404"); %>
<%@ include file="_top.jspf" %>
<h1>${en ? 'Page not found' : '페이지를 찾을 수 없습니다'}</h1>
<p>${en ? 'There is no page at this address. It may have moved; every policy version keeps its own address.' : '이 주소에는 페이지가 없습니다. 모든 방침 버전은 고유한 주소를 유지합니다.'}</p>
<p class="error-code">404</p>
<%@ include file="_bottom.jspf" %>
