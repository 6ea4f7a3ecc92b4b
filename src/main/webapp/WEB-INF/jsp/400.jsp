<%@ page isErrorPage="true" pageEncoding="UTF-8" %>
<% request.setAttribute("pageTitle", "400"); %>
<%@ include file="_top.jspf" %>
<h1><fmt:message key="error.400.title" bundle="${errors}"/></h1>
<p><fmt:message key="error.400.body" bundle="${errors}"/></p>
<c:set var="message" value="${requestScope['jakarta.servlet.error.message']}"/>
<c:if test="${not empty message}"><p class="error-detail"><c:out value="${message}"/></p></c:if>
<p class="error-code"><fmt:message key="error.code" bundle="${errors}"><fmt:param value="${requestScope['jakarta.servlet.error.status_code']}"/></fmt:message></p>
<%@ include file="_bottom.jspf" %>
