<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "503"); %>
<%@ include file="_top.jspf" %>
<h1><fmt:message key="error.503.title" bundle="${errors}"/></h1>
<p><fmt:message key="error.503.body" bundle="${errors}"/></p>
<p class="error-code"><fmt:message key="error.code" bundle="${errors}"><fmt:param value="503"/></fmt:message></p>
<%@ include file="_bottom.jspf" %>
